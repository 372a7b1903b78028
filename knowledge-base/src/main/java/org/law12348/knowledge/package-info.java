/**
 * The legal knowledge base: FAQ articles (drafted by consultants, published by administrators),
 * statute articles, and one search port ({@link org.law12348.knowledge.KnowledgeSearch}) with an
 * embedded Lucene and an Elasticsearch implementation.
 */
package org.law12348.knowledge;
