/**
 * Accounts: the Instagram professional accounts the service works for, their encrypted credentials and CRM endpoints.
 */
package dev.igautomation.account;
