package dev.igautomation.instagram;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class InstagramLoginPostgresTests extends InstagramLoginTests {

}
