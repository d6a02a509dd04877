/**
 * A small port for JSON documents that are not map layers: commitments and their activities, API
 * keys. Both stores keep them in one table keyed by (collection, scope, id). Entry type: {@link
 * se.tryggkarta.document.DocumentStore}.
 */
package se.tryggkarta.document;
