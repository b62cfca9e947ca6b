package dev.igautomation.entrypoint;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class EntryPointH2Tests extends EntryPointTests {

}
