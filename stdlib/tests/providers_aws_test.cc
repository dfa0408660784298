// providers.aws.sign_req: OPA's v1 cases (SigV4 signatures for s3 with and without a
// body, session token, unsigned payload) and its operand errors.
#include "stdlib/tests/test_util.h"

namespace arcane::stdlib::testing {
namespace {

constexpr std::string_view kConfig =
    R"({"aws_access_key":"MYAWSACCESSKEYGOESHERE","aws_secret_access_key":"MYAWSSECRETACCESSKEYGOESHERE",)"
    R"("aws_service":"s3","aws_region":"us-east-1"})";

std::string sign(std::string_view req, std::string_view config = kConfig, std::string_view ts = "1451311705000000000") {
  return show(call("providers.aws.sign_req", {json(req), json(config), num(ts)}));
}

TEST(ProvidersAws, SignsAsOpa) {
  EXPECT_EQ(sign(R"({"method":"get","url":"http://example.com"})"),
            R"({"headers":{"Authorization":"AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/)"
            R"(aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=)"
            R"(0047a7016c81e5c7f29cd522f97e911e04fc472fced0aee7916cbc287ad6c8e3","host":"example.com",)"
            R"("x-amz-content-sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",)"
            R"("x-amz-date":"20151228T140825Z"},"method":"get","url":"http://example.com"})");
  EXPECT_EQ(sign(R"({"method":"get","url":"https://example.com","headers":{"foo":"bar"}})",
                 R"({"aws_access_key":"MYAWSACCESSKEYGOESHERE","aws_secret_access_key":"MYAWSSECRETACCESSKEYGOESHERE",)"
                 R"("aws_service":"s3","aws_region":"us-east-1","disable_payload_signing":true})"),
            R"({"headers":{"Authorization":"AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/)"
            R"(aws4_request,SignedHeaders=foo;host;x-amz-content-sha256;x-amz-date,Signature=)"
            R"(c6e6db654e92172f71e18c714c123711de069ac6fd7df1348e5b28fd05532028","foo":"bar","host":"example.com",)"
            R"("x-amz-content-sha256":"UNSIGNED-PAYLOAD","x-amz-date":"20151228T140825Z"},"method":"get",)"
            R"("url":"https://example.com"})");
}

TEST(ProvidersAws, OperandErrors) {
  EXPECT_EQ(sign("{}"), type_error(R"(providers.aws.sign_req: operand 1 missing required request parameters(s): {"method", "url"})"));
  EXPECT_EQ(sign(R"({"method":1,"url":2})"),
            type_error(R"(providers.aws.sign_req: operand 1 invalid values for required request parameters(s): {"method", "url"})"));
  EXPECT_EQ(sign(R"({"method":"get","url":"http://example.com"})", R"({"example":"example"})"),
            type_error("providers.aws.sign_req: operand 2 missing required AWS config parameters(s): "
                       R"({"aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"})"));
  EXPECT_EQ(sign(R"({"method":"get","url":"http://example.com"})", kConfig, "-1e9"),
            type_error("providers.aws.sign_req: operand 3 could not convert time_ns value into a unix timestamp"));
}

}  // namespace
}  // namespace arcane::stdlib::testing
