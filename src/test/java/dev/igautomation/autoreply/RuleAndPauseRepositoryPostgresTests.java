package dev.igautomation.autoreply;

import dev.igautomation.support.PostgresSlice;

@PostgresSlice
class RuleAndPauseRepositoryPostgresTests extends RuleAndPauseRepositoryTests {

}
