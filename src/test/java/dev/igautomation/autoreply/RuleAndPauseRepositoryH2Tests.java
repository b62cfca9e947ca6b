package dev.igautomation.autoreply;

import dev.igautomation.support.H2Slice;

@H2Slice
class RuleAndPauseRepositoryH2Tests extends RuleAndPauseRepositoryTests {

}
