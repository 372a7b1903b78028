/** Browser surfaces: citizen portal, consultant portal, dispatcher console. */
package org.law12348.portal;
