/**
 * Entry points: what people tap to start a conversation with an account — its ice breakers and persistent menu,
 * stored here and pushed to Meta with Meta's answer kept, and ig.me links that carry a ref to referral rules.
 */
package dev.igautomation.entrypoint;
