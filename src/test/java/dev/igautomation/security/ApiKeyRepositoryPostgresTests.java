package dev.igautomation.security;

import dev.igautomation.support.PostgresSlice;

@PostgresSlice
class ApiKeyRepositoryPostgresTests extends ApiKeyRepositoryTests {

}
