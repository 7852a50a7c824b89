using System.Text;
using System.Xml;
using CloudTrailNotifier.Sns;
using FsCheck;
using FsCheck.Xunit;

namespace CloudTrailNotifier.Tests.Sns;

public sealed class XmlElementTextTests
{
    [Theory]
    [InlineData("<E><Error><Code>A</Code></Error></E>", "A")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?><E xmlns=\"urn:x\"><Error><Code>A</Code></Error></E>", "A")]
    [InlineData("<p:E xmlns:p=\"urn:x\"><p:Error><p:Code>A</p:Code></p:Error></p:E>", "A")]
    [InlineData("<E><!-- <Error><Code>no</Code></Error> --><Error><Code>A</Code></Error></E>", "A")]
    [InlineData("<E><Error kind='a>b'><Code>A</Code></Error></E>", "A")]
    [InlineData("<E><Error><Code>&lt;&gt;&amp;&quot;&apos;</Code></Error></E>", "<>&\"'")]
    [InlineData("<E><Error><Code>&#65;&#x42;&#x1F510;</Code></Error></E>", "AB🔐")]
    [InlineData("<E><Error><Code><![CDATA[<raw & text>]]></Code></Error></E>", "<raw & text>")]
    [InlineData("<E><Error><Code>a<!-- note -->b</Code></Error></E>", "ab")]
    [InlineData("<E><Error><Code/></Error></E>", "")]
    [InlineData("<E><Other><Code>not in Error</Code></Other><Error><Code>A</Code></Error></E>", "A")]
    [InlineData("<E><Error><Detail><Code>grandchild</Code></Detail><Code>A</Code></Error></E>", "A")]
    public void The_text_of_a_direct_child_is_found_and_decoded(string xml, string? expected)
    {
        Assert.Equal(expected, XmlElementText.Find(xml, "Error", "Code"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<E><Error><Code>A</Error></E>")]
    [InlineData("<E><Error><Code>A<b>bold</b></Code></Error></E>")]
    [InlineData("<E><Error><Code>&unknown;</Code></Error></E>")]
    [InlineData("<E><Error><Code>&#0;</Code></Error></E>")]
    [InlineData("<E><Error><Code>&#xD800;</Code></Error></E>")]
    [InlineData("<E><Error><Code>a & b</Code></Error></E>")]
    [InlineData("<E><Error><Code>unterminated")]
    [InlineData("<!DOCTYPE E><E><Error><Code>A</Code></Error></E>")]
    [InlineData("<E><Error><Code><![CDATA[never closed</Code></Error></E>")]
    [InlineData("<E><Error><Code>A</Code")]
    public void Anything_it_cannot_read_for_sure_gives_null(string xml)
    {
        Assert.Null(XmlElementText.Find(xml, "Error", "Code"));
    }

    [Property(MaxTest = 500)]
    public bool Any_text_written_by_an_XML_writer_is_read_back_exactly(NonNull<string> text)
    {
        var value = new string(text.Get.Where(XmlConvert.IsXmlChar).ToArray());
        var buffer = new StringBuilder();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { NewLineHandling = NewLineHandling.Entitize }))
        {
            writer.WriteStartElement("ErrorResponse", "https://sns.amazonaws.com/doc/2010-03-31/");
            writer.WriteStartElement("Error");
            writer.WriteElementString("Code", "Throttling");
            writer.WriteElementString("Message", value);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return XmlElementText.Find(buffer.ToString(), "Error", "Message") == value
            && XmlElementText.Find(buffer.ToString(), "Error", "Code") == "Throttling";
    }
}
