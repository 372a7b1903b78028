/** Legal knowledge base: FAQ articles and statutes behind one search port. */
package org.law12348.knowledge;
