/**
 * The operator console: the pages a person uses in a browser, served by this same service (Thymeleaf, with htmx for
 * the parts that change and uPlot for charts, all from WebJars). It lives in one package of its own, on top of the
 * features, because its pages cut across them (an account's page shows its token, rules, analytics and CRM
 * deliveries) and because it has its own security (form login, session, CSRF) apart from the Bearer-only API. Its
 * controllers are thin: each calls the same public application service as the REST API ({@code Accounts},
 * {@code Rules}, {@code AccountAnalytics}, {@code CrmDeliveries}, {@code ApiKeys}, {@code Operators}) and picks a
 * template, so no business rule is written twice. No feature depends on this package.
 */
package dev.igautomation.console;
