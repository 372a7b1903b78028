package org.law12348.consultation;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

/** The points ledger. */
public interface PointsEntries extends JpaRepository<PointsEntry, Long> {

    List<PointsEntry> findTop100ByConsultantOrderByIdDesc(String consultant);

    @Query("select coalesce(sum(p.points), 0) from PointsEntry p where p.consultant = :consultant")
    long balanceOf(String consultant);

    @Query("select p from PointsEntry p where p.answerId = :answerId")
    List<PointsEntry> forAnswer(Long answerId);
}
