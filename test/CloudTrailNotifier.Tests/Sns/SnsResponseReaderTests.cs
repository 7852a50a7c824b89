using System.Text;
using CloudTrailNotifier.Sns;

namespace CloudTrailNotifier.Tests.Sns;

public sealed class SnsResponseReaderTests
{
    [Fact]
    public void The_message_id_is_read_from_a_publish_response()
    {
        const string xml = """
            <?xml version="1.0"?>
            <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult>
                <MessageId> 567910cd-659e-55d4-8ccb-5aaf14679dc0 </MessageId>
              </PublishResult>
              <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>
            </PublishResponse>
            """;

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", SnsResponseReader.ReadMessageId(Encoding.UTF8.GetBytes(xml)));
    }

    [Theory]
    [InlineData("<PublishResponse><PublishResult><MessageId></MessageId></PublishResult></PublishResponse>")]
    [InlineData("<PublishResponse><PublishResult/></PublishResponse>")]
    [InlineData("<PublishResponse><ResponseMetadata><MessageId>not-here</MessageId></ResponseMetadata></PublishResponse>")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("not xml at all")]
    [InlineData("")]
    public void A_response_without_a_message_id_in_PublishResult_gives_none(string body)
    {
        Assert.Null(SnsResponseReader.ReadMessageId(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Code_and_message_are_read_from_an_error_response()
    {
        const string xml = """
            <ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
              <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
              <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
            </ErrorResponse>
            """;

        Assert.Equal(("NotFound", "Topic does not exist"), SnsResponseReader.ReadError(Encoding.UTF8.GetBytes(xml)));
    }

    [Fact]
    public void A_document_type_declaration_is_refused_rather_than_expanded()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE e [<!ENTITY x "expanded">]>
            <ErrorResponse><Error><Code>&x;</Code><Message>m</Message></Error></ErrorResponse>
            """;

        Assert.Equal((null, null), SnsResponseReader.ReadError(Encoding.UTF8.GetBytes(xml)));
    }
}
