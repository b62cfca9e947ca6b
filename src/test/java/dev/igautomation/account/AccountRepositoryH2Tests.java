package dev.igautomation.account;

import dev.igautomation.support.H2Slice;

@H2Slice
class AccountRepositoryH2Tests extends AccountRepositoryTests {

}
