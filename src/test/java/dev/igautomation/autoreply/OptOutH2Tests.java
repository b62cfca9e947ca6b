package dev.igautomation.autoreply;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class OptOutH2Tests extends OptOutTests {

}
