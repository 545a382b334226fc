// The unit test binary: Catch2's main plus every tests/unit/*_test.cpp.
