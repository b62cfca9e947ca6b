/**
 * Meta's data-deletion callback: a user who removes the app asks for their data to be deleted; each feature deletes
 * what it holds of them when {@link dev.igautomation.privacy.UserDataDeletion} is published.
 */
package dev.igautomation.privacy;
