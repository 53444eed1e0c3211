#include "parsing/ParseHelpers.h"

#include <catch2/catch.hpp>

using tlr::parsing::jsonNestingDepth;

TEST_CASE("nesting is counted on structure and never inside strings")
{
    CHECK(jsonNestingDepth("{}", 10) == 1);
    CHECK(jsonNestingDepth(R"({"a":[1,{"b":[]}]})", 10) == 4);
    CHECK(jsonNestingDepth(R"({"a":"[[[[{{{{"})", 10) == 1);
    CHECK(jsonNestingDepth(R"({"a":"say \"[[[[\" twice"})", 10) == 1);
    CHECK(jsonNestingDepth(R"({"a":"ends in a backslash \\","b":[[]]})", 10) == 3);
    CHECK(jsonNestingDepth(R"({"a":"\\\"[[["})", 10) == 1);
    CHECK(jsonNestingDepth("", 10) == 0);
}

TEST_CASE("counting stops past the limit and survives unterminated input")
{
    CHECK(jsonNestingDepth(QByteArray(100000, '['), 64) == 65);
    CHECK(jsonNestingDepth(R"({"a":"never closed [[[[)", 64) == 1);
}
