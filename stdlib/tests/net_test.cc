// Networks: Go's address parsing and printing, containment in each family's width,
// contains_matches keys, expand, merge (classful default masks, fewest covering CIDRs)
// and the errors OPA reports (conformance topics netcidr*, netlookupipaddr).
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

std::string contains(const char* a, const char* b) {
  return show(call("net.cidr_contains", {str(a), str(b)}));
}

TEST(Net, CidrContains) {
  EXPECT_EQ(contains("10.0.0.0/8", "10.1.0.0/24"), "true");
  EXPECT_EQ(contains("172.17.0.0/24", "172.17.0.0/16"), "false");
  EXPECT_EQ(contains("10.0.0.0/8", "192.168.1.0/24"), "false");
  EXPECT_EQ(contains("10.0.0.0/8", "10.1.1.1/32"), "true");
  EXPECT_EQ(contains("2001:4860:4860::8888/32", "2001:4860:4860:1234::8888/40"), "true");
  EXPECT_EQ(contains("2001:4860:4860::8888/32", "2001:4860:4860:1234:5678:1234:5678:8888/128"), "true");
  EXPECT_EQ(contains("2001:4860::/96", "2001:4860::/32"), "false");
  EXPECT_EQ(contains("2001:4860::/32", "fd1e:5bfe:8af3:9ddc::/64"), "false");
  EXPECT_EQ(contains("10.0.0.0/8", "10.1.2.3"), "true");
  EXPECT_EQ(contains("10.0.0.0/8", "192.168.1.1"), "false");
  EXPECT_EQ(contains("10.0.0.0/8", "::ffff:10.1.2.3"), "true");  // IPv4-mapped addresses are IPv4
  EXPECT_EQ(contains("::/0", "10.1.2.3"), "false");
  EXPECT_EQ(contains("not-a-cidr", "192.168.1.67"),
            builtin_error("net.cidr_contains: invalid CIDR address: not-a-cidr"));
  EXPECT_EQ(
      contains("192.168.1.0/28", "not-a-cidr"),
      builtin_error("net.cidr_contains: not a valid textual representation of an IP address or CIDR: not-a-cidr"));
  EXPECT_EQ(contains("10.0.0.1/8", "010.1.2.3"),  // leading zeros are refused
            builtin_error("net.cidr_contains: not a valid textual representation of an IP address or CIDR: 010.1.2.3"));
  EXPECT_EQ(show(call("net.cidr_contains", {str("10.0.0.0/8"), num("1")})),
            type_error("net.cidr_contains: operand 1 must be string but got number"));
  EXPECT_EQ(show(call("net.cidr_overlap", {str("10.0.0.0/8"), str("10.1.2.3")})), "true");
}

TEST(Net, CidrIntersectsAndIsValid) {
  EXPECT_EQ(show(call("net.cidr_intersects", {str("192.168.1.0/25"), str("192.168.1.64/25")})), "true");
  EXPECT_EQ(show(call("net.cidr_intersects", {str("192.168.1.0/25"), str("192.168.1.128/25")})), "false");
  EXPECT_EQ(show(call("net.cidr_intersects", {str("fd1e:5bfe:8af3:9ddc::/64"), str("fd1e:5bfe:8af3:9ddc:1::/80")})),
            "true");
  EXPECT_EQ(show(call("net.cidr_intersects", {str("10.0.0.0/8"), str("x")})),
            builtin_error("net.cidr_intersects: invalid CIDR address: x"));
  EXPECT_EQ(show(call("net.cidr_is_valid", {str("10.0.0.0/8")})), "true");
  EXPECT_EQ(show(call("net.cidr_is_valid", {str("::/0")})), "true");
  EXPECT_EQ(show(call("net.cidr_is_valid", {str("10.0.0.0/33")})), "false");
  EXPECT_EQ(show(call("net.cidr_is_valid", {str("10.0.0.0")})), "false");
  EXPECT_EQ(show(call("net.cidr_is_valid", {str("fe80::1%eth0/64")})), "false");
  EXPECT_EQ(show(call("net.cidr_is_valid", {num("1")})), "false");
}

TEST(Net, CidrContainsMatches) {
  auto m = [](runtime::Value a, runtime::Value b) { return show(call("net.cidr_contains_matches", {a, b})); };
  EXPECT_EQ(m(str("1.1.1.0/24"), str("1.1.1.1")), R"([["1.1.1.0/24","1.1.1.1"]])");
  EXPECT_EQ(m(json(R"(["1.1.2.0/24", "1.1.1.0/24"])"), json(R"(["1.1.1.1", "1.1.2.1"])")), "[[0,1],[1,0]]");
  EXPECT_EQ(m(json(R"([["1.1.2.0/24", 1], "1.1.1.0/24"])"), json(R"(["1.1.1.1", "1.1.2.1"])")), "[[0,1],[1,0]]");
  EXPECT_EQ(m(json(R"({"k1": "1.1.1.1/24", "k2": ["1.1.1.2/24", 1]})"), str("1.1.1.128")),
            R"([["k1","1.1.1.128"],["k2","1.1.1.128"]])");
  EXPECT_EQ(m(set(R"([["1.1.1.0/24", "bar"]])"), set(R"([["1.1.1.1", "baz"]])")),
            R"([[["1.1.1.0/24","bar"],["1.1.1.1","baz"]]])");
  EXPECT_EQ(m(json(R"(["1.1.2.0/24"])"), json(R"(["1.1.1.1", 1])")),
            builtin_error("net.cidr_contains_matches: operand 2: element must be string or non-empty array"));
  EXPECT_EQ(m(set(R"([["1.1.1.0/24", "bar"]])"), set(R"([[], ["1.1.2.1", "qux"]])")),
            builtin_error("net.cidr_contains_matches: operand 2: element must be string or non-empty array"));
  EXPECT_EQ(m(json("[]"), json("[1]")), "[]");  // operand 2 is never walked
  EXPECT_EQ(m(num("1"), str("1.1.1.1")), "[]");
}

TEST(Net, CidrExpand) {
  EXPECT_EQ(show(call("net.cidr_expand", {str("192.168.1.1/30")})),
            R"(["192.168.1.0","192.168.1.1","192.168.1.2","192.168.1.3"])");
  EXPECT_EQ(show(call("net.cidr_expand", {str("172.16.100.255/30")})),
            R"(["172.16.100.252","172.16.100.253","172.16.100.254","172.16.100.255"])");
  EXPECT_EQ(show(call("net.cidr_expand", {str("192.168.1.1/32")})), R"(["192.168.1.1"])");
  EXPECT_EQ(show(call("net.cidr_expand", {str("255.255.255.254/31")})), R"(["255.255.255.254","255.255.255.255"])");
  EXPECT_EQ(show(call("net.cidr_expand", {str("fd1e::/126")})), R"(["fd1e::","fd1e::1","fd1e::2","fd1e::3"])");
  EXPECT_EQ(show(call("net.cidr_expand", {str("192.168.1.1/33")})),
            builtin_error("net.cidr_expand: invalid CIDR address: 192.168.1.1/33"));
}

std::string merge(runtime::Value v) {
  return show(call("net.cidr_merge", {std::move(v)}));
}

TEST(Net, CidrMerge) {
  EXPECT_EQ(merge(json(R"(["192.0.128.0/24", "192.0.129.0/24"])")), R"(["192.0.128.0/23"])");
  EXPECT_EQ(merge(json(R"(["192.0.128.0/24", "192.0.128.0/24"])")), R"(["192.0.128.0/24"])");
  EXPECT_EQ(merge(json(R"(["192.0.128.0/24", "0.0.0.0/0"])")), R"(["0.0.0.0/0"])");
  EXPECT_EQ(merge(json(R"(["192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31"])")), R"(["192.0.2.112/29"])");
  EXPECT_EQ(merge(json(R"(["192.0.129.0/24", "192.0.130.0/24"])")), R"(["192.0.129.0/24","192.0.130.0/24"])");
  EXPECT_EQ(merge(json(R"(["192.0.2.112/30", "192.0.2.116/32", "192.0.2.118/31"])")),
            R"(["192.0.2.112/30","192.0.2.116/32","192.0.2.118/31"])");
  EXPECT_EQ(merge(json(R"(["192.0.2.112/31", "192.0.2.116/31", "192.0.2.118/31"])")),
            R"(["192.0.2.112/31","192.0.2.116/30"])");
  EXPECT_EQ(merge(json(R"(["192.0.1.254/31", "192.0.2.0/28", "192.0.2.16/28", "192.0.2.32/28", "192.0.2.48/28",
      "192.0.2.64/28", "192.0.2.80/28", "192.0.2.96/28", "192.0.2.112/28", "192.0.2.128/28", "192.0.2.144/28",
      "192.0.2.160/28", "192.0.2.176/28", "192.0.2.192/28", "192.0.2.208/28", "192.0.2.224/28", "192.0.2.240/28",
      "192.0.3.0/28"])")),
            R"(["192.0.1.254/31","192.0.2.0/24","192.0.3.0/28"])");
  EXPECT_EQ(merge(json(R"(["::/0", "fe80::1/128"])")), R"(["::/0"])");
  EXPECT_EQ(merge(json(R"(["::/0", "::192.0.2.0/124", "ff00::101/128"])")), R"(["::/0"])");
  EXPECT_EQ(merge(json(R"(["fe80::/120", "192.0.2.0/24", "192.0.3.0/24", "192.0.4.0/25", "192.0.4.128/25"])")),
            R"(["192.0.2.0/23","192.0.4.0/24","fe80::/120"])");
  EXPECT_EQ(merge(json("[]")), "[]");
  EXPECT_EQ(merge(json(R"(["192.0.2.112", "192.0.2.116/31", "192.0.2.118/31"])")), R"(["192.0.2.0/24"])");
  EXPECT_EQ(merge(json(R"(["192.0.128.0", "192.0.129.0"])")), R"(["192.0.128.0/23"])");
  EXPECT_EQ(merge(json(R"(["10.1.2.3"])")), R"(["10.1.2.3/8"])");  // the default mask, unmasked address
  EXPECT_EQ(merge(set(R"(["192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31"])")), R"(["192.0.2.112/29"])");
  EXPECT_EQ(
      merge(json(R"(["2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64", "2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"])")),
      R"(["2601:600:8a80:207e::/64"])");
  EXPECT_EQ(merge(json(R"(["2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"])")),
            R"(["2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"])");
  EXPECT_EQ(merge(json(R"(["2601:600:8a80:207e:a57d:7567:e2c9:e7b3"])")),
            builtin_error("net.cidr_merge: IPv6 invalid: needs prefix length"));
  EXPECT_EQ(merge(json(R"(["foo"])")), builtin_error("net.cidr_merge: invalid CIDR address: foo"));
  EXPECT_EQ(merge(json("[1]")), builtin_error("net.cidr_merge: element must be string"));
  EXPECT_EQ(merge(str("10.0.0.0/8")), builtin_error("net.cidr_merge: operand must be an array"));
}

TEST(Net, LookupIpAddrOfLiterals) {  // literals resolve without the network
  EXPECT_EQ(show(call("net.lookup_ip_addr", {str("10.0.0.0")})), R"(["10.0.0.0"])");
  EXPECT_EQ(show(call("net.lookup_ip_addr", {str("::")})), R"(["::"])");
  EXPECT_EQ(show(call("net.lookup_ip_addr", {num("1")})),
            type_error("net.lookup_ip_addr: operand 1 must be string but got number"));
}

}  // namespace
}  // namespace arcane::stdlib::testing
