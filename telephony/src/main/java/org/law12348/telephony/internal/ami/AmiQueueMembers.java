package org.law12348.telephony.internal.ami;

import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.law12348.telephony.internal.desk.AgentDesk;
import org.law12348.telephony.internal.desk.DeskState;
import org.law12348.telephony.internal.desk.QueueMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Desks as dynamic queue members over AMI. Every apply says the whole state again (QueueAdd to each
 * queue, then QueuePause on all of them, or QueueRemove from each), so the same call brings a PBX that
 * restarted, or missed changes while AMI was down, back in line. The PBX's "Already there" and "Not
 * there" answers mean it was in line already.
 */
public final class AmiQueueMembers implements QueueMembers {

    private static final Logger log = LoggerFactory.getLogger(AmiQueueMembers.class);

    private final AmiConnector ami;

    public AmiQueueMembers(AmiConnector ami) {
        this.ami = ami;
    }

    @Override
    public boolean connected() {
        return ami.isConnected();
    }

    @Override
    public void withdraw(List<AgentDesk.Membership> memberships) {
        for (AgentDesk.Membership m : memberships) {
            send(new QueueRemoveAction(m.queue(), m.memberInterface()), "Not there");
        }
    }

    @Override
    public void apply(AgentDesk desk) {
        String iface = desk.memberInterface();
        if (desk.state() == DeskState.OFFLINE) {
            withdraw(desk.queues().stream().map(q -> new AgentDesk.Membership(iface, q)).toList());
            return;
        }
        boolean paused = desk.state() == DeskState.PAUSED || desk.state() == DeskState.WRAP_UP;
        String reason = paused && desk.pauseReason() != null ? desk.pauseReason().pbxReason() : null;
        for (String queue : desk.queues()) {
            QueueAddAction add = new QueueAddAction(queue, iface);
            // the member name comes back in AgentConnect/AgentComplete and lands on the call record
            add.setMemberName(desk.username());
            add.setPaused(paused);
            if (reason != null) {
                add.setReason(reason);
            }
            send(add, "Already there");
        }
        QueuePauseAction pause = new QueuePauseAction(iface, paused);
        if (reason != null) {
            pause.setReason(reason);
        }
        send(pause, null);
    }

    private void send(ManagerAction action, String harmlessError) {
        ManagerResponse response;
        try {
            response = ami.send(action);
        } catch (Exception e) {
            throw new PbxUnavailableException(e.toString(), e);
        }
        if (response instanceof ManagerError error
                && (harmlessError == null || error.getMessage() == null || !error.getMessage().contains(harmlessError))) {
            log.warn("PBX refused {}: {}", action.getAction(), error.getMessage());
            throw new PbxUnavailableException("PBX refused " + action.getAction() + ": " + error.getMessage(), null);
        }
    }
}
