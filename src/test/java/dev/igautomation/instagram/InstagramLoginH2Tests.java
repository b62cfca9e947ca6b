package dev.igautomation.instagram;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class InstagramLoginH2Tests extends InstagramLoginTests {

}
