/**
 * API keys: generation, hashed storage, account scopes, the Bearer request filter and the rules of who may call what.
 */
package dev.igautomation.security;
