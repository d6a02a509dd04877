/**
 * API keys and roles. Entry class: {@link se.tryggkarta.access.ApiKeyService}. Invariants: a key's
 * secret is shown once and stored only as a salted SHA-256 hash; keys are bound to workspaces
 * (admins to all); a revoked key never authenticates again. Keys live in the store's documents
 * (collection {@code api-keys}), so every service instance sees a revocation at once.
 */
package se.tryggkarta.access;
