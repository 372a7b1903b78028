package org.law12348.knowledge;

/** No article (or no article the caller may see) with this id. */
public class ArticleNotFoundException extends RuntimeException {

    private final String articleId;

    public ArticleNotFoundException(String articleId) {
        super("No knowledge-base article " + articleId);
        this.articleId = articleId;
    }

    public String articleId() {
        return articleId;
    }
}
