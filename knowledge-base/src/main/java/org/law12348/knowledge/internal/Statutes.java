package org.law12348.knowledge.internal;

import org.law12348.knowledge.Statute;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** The statute articles; bulk loads go through {@code StatuteImporter}. */
public interface Statutes extends JpaRepository<Statute, String> {

    Optional<Statute> findByStatuteKey(String statuteKey);
}
