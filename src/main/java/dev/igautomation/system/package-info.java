/**
 * Cross-cutting concerns shared by every feature: error answers, identifiers, paging, settings checks and API docs.
 */
package dev.igautomation.system;
