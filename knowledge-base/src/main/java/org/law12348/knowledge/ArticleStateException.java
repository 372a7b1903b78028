package org.law12348.knowledge;

/** An action the article's current status forbids, e.g. publishing an already published article. */
public class ArticleStateException extends RuntimeException {

    private final String articleId;
    private final ArticleStatus status;
    private final String chineseMessage;

    public ArticleStateException(String articleId, ArticleStatus status, String chineseMessage) {
        super("Article " + articleId + " is " + status + ": " + chineseMessage);
        this.articleId = articleId;
        this.status = status;
        this.chineseMessage = chineseMessage;
    }

    public String articleId() {
        return articleId;
    }

    public ArticleStatus status() {
        return status;
    }

    public String chineseMessage() {
        return chineseMessage;
    }
}
