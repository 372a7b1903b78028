package org.law12348.portal.console;

import org.law12348.portal.SignedInStaff;
import org.law12348.ticketing.HandlingUnitAdmin;
import org.law12348.ticketing.HandlingUnits;
import org.law12348.ticketing.InvalidInputException;
import org.law12348.ticketing.UnitType;
import org.law12348.workflow.routingadmin.RoutingDeployments;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handling units for administrators: create, edit, deactivate (its waiting tickets go to the unit
 * chosen). Each change is written to the routing audit trail.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

    private final HandlingUnitAdmin admin;
    private final HandlingUnits units;
    private final RoutingDeployments deployments;
    private final SignedInStaff consoleStaff;

    UnitAdminController(HandlingUnitAdmin admin, HandlingUnits units, RoutingDeployments deployments,
                        SignedInStaff consoleStaff) {
        this.admin = admin;
        this.units = units;
        this.deployments = deployments;
        this.consoleStaff = consoleStaff;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("units", units.findAll(org.springframework.data.domain.Sort.by("regionCode", "code")));
        model.addAttribute("activeUnits", units.findByActiveTrueOrderByRegionCodeAscCodeAsc());
        model.addAttribute("types", UnitType.values());
        return "console/units";
    }

    @PostMapping("/create")
    String create(String code, String name, String type, String regionCode, String phone, RedirectAttributes flash) {
        String actor = consoleStaff.require().username();
        try {
            var unit = admin.create(code, name, type, regionCode, phone);
            deployments.audit(actor, "UNIT_CREATE", null, unit.code() + " " + unit.name());
            flash.addFlashAttribute("notice", "已新增承办单位 " + unit.name());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.violations().get(0).message());
        }
        return "redirect:/admin/units";
    }

    @PostMapping("/edit")
    String edit(String code, String name, String type, String regionCode, String phone, RedirectAttributes flash) {
        String actor = consoleStaff.require().username();
        try {
            var unit = admin.edit(code, name, type, regionCode, phone);
            deployments.audit(actor, "UNIT_EDIT", null, unit.code() + " " + unit.name());
            flash.addFlashAttribute("notice", "已保存 " + unit.name());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.violations().get(0).message());
        }
        return "redirect:/admin/units";
    }

    @PostMapping("/deactivate")
    String deactivate(String code, String successor, String reason, RedirectAttributes flash) {
        String actor = consoleStaff.require().username();
        try {
            int moved = admin.deactivate(code, successor, reason, actor);
            deployments.audit(actor, "UNIT_DEACTIVATE", null, code + " 停用，" + moved + "件未办结工单转至 " + successor);
            flash.addFlashAttribute("notice", "已停用 " + code + "，" + moved + "件未办结工单已转至 " + successor
                    + "。请检查分派规则是否仍指向该单位。");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.violations().get(0).message());
        }
        return "redirect:/admin/units";
    }
}
