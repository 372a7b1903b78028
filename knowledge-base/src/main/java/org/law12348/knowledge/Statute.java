package org.law12348.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One statute article (law, article number, text), as the knowledge base shows and links it. */
@Entity
@Table(name = "kb_statute")
public class Statute {

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 100)
    private String law;

    @Column(nullable = false, length = 32)
    private String article;

    @Column(name = "statute_key", nullable = false, unique = true, length = 128)
    private String statuteKey;

    @Column(length = 100)
    private String chapter;

    @Column(nullable = false, length = 8000)
    private String text;

    @Column(name = "version_label", length = 20)
    private String versionLabel;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Statute() {
    }

    public String id() {
        return id;
    }

    public String law() {
        return law;
    }

    public String article() {
        return article;
    }

    public StatuteRef ref() {
        return StatuteRef.ofKey(statuteKey);
    }

    public String chapter() {
        return chapter;
    }

    public String text() {
        return text;
    }

    public String versionLabel() {
        return versionLabel;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
