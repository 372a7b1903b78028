package org.law12348.consultation;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** All consultants' certifications. */
public interface Consultants extends JpaRepository<Consultant, String> {

    List<Consultant> findByStatusOrderByAppliedAtAsc(CertificationStatus status);

    List<Consultant> findAllByOrderByAppliedAtDesc();
}
