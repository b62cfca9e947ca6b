package dev.igautomation.security;

import dev.igautomation.support.H2Slice;

@H2Slice
class ApiKeyRepositoryH2Tests extends ApiKeyRepositoryTests {

}
