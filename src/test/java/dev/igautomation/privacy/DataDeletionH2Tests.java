package dev.igautomation.privacy;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class DataDeletionH2Tests extends DataDeletionTests {

}
