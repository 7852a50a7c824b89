namespace CloudTrailNotifier.Tests.Matching;

/// <summary>Crafted cases per operator, with the answers EventBridge documents (content filtering, operators pages).</summary>
public static class MatchCases
{
    public static IReadOnlyList<MatchCase> All { get; } =
    [
        // exact values
        new("string equals", """{"detail":{"state":["running"]}}""", """{"state":"running"}""", true),
        new("string is case-sensitive", """{"detail":{"state":["Running"]}}""", """{"state":"running"}""", false),
        new("one of several values", """{"detail":{"state":["stopped","running"]}}""", """{"state":"running"}""", true),
        new("number equals however written", """{"detail":{"count":[300]}}""", """{"count":3.0e2}""", true),
        new("number is not its string", """{"detail":{"count":[5]}}""", """{"count":"5"}""", false),
        new("string is not the number", """{"detail":{"count":["5"]}}""", """{"count":5}""", false),
        new("true matches true", """{"detail":{"readOnly":[true]}}""", """{"readOnly":true}""", true),
        new("true is not the string", """{"detail":{"readOnly":[true]}}""", """{"readOnly":"true"}""", false),
        new("false is not true", """{"detail":{"readOnly":[true]}}""", """{"readOnly":false}""", false),
        new("true is not the number 1", """{"detail":{"flag":[1]}}""", """{"flag":true}""", false, "Python compares True == 1"),
        new("null matches null", """{"detail":{"responseElements":[null]}}""", """{"responseElements":null}""", true),
        new("null is not the empty string", """{"detail":{"responseElements":[null]}}""", """{"responseElements":""}""", false),
        new("empty string matches empty string", """{"detail":{"eventVersion":[""]}}""", """{"eventVersion":""}""", true),
        new("empty string is not null", """{"detail":{"eventVersion":[""]}}""", """{"eventVersion":null}""", false),
        new("null does not match a missing field", """{"detail":{"responseElements":[null]}}""", """{"other":1}""", false),
        new("a missing field fails", """{"detail":{"state":["running"]}}""", """{"other":"running"}""", false),
        new("a value does not match an object", """{"detail":{"state":["running"]}}""", """{"state":{"name":"running"}}""", false),
        new("every field must match", """{"detail":{"state":["running"],"count":[1]}}""", """{"state":"running","count":2}""", false),
        new("top-level source and detail-type", """{"source":["aws.crafted"],"detail-type":["Crafted Event"]}""", """{"a":1}""", true),
        new("top-level source differs", """{"source":["aws.s3"]}""", """{"a":1}""", false),

        // arrays in the event
        new("array element matches", """{"detail":{"ids":["b"]}}""", """{"ids":["a","b","c"]}""", true),
        new("no array element matches", """{"detail":{"ids":["d"]}}""", """{"ids":["a","b","c"]}""", false),
        new("resources array", """{"resources":["arn:aws:s3:::crafted-bucket"]}""", """{"a":1}""", true),
        new("nested arrays are flattened", """{"detail":{"ids":["c"]}}""", """{"ids":[["a"],["b","c"]]}""", true, "moto looks only one array deep"),
        new("prefix on an array element", """{"detail":{"ids":[{"prefix":"arn:aws:secretsmanager:"}]}}""", """{"ids":["prod/db","arn:aws:secretsmanager:us-east-1:1:secret:x"]}""", true),
        new("nested pattern inside an array of objects", """{"detail":{"items":{"name":["b"]}}}""", """{"items":[{"name":"a"},{"name":"b"}]}""", true, "moto does not look inside arrays of objects"),
        new("fields of two array elements do not combine", """{"detail":{"items":{"name":["a"],"size":[2]}}}""", """{"items":[{"name":"a","size":1},{"name":"b","size":2}]}""", false),

        // prefix and suffix
        new("prefix", """{"detail":{"time":[{"prefix":"2017-10-02"}]}}""", """{"time":"2017-10-02T16:24:49Z"}""", true),
        new("prefix does not match", """{"detail":{"time":[{"prefix":"2017-10-03"}]}}""", """{"time":"2017-10-02T16:24:49Z"}""", false),
        new("prefix is case-sensitive", """{"detail":{"name":[{"prefix":"Get"}]}}""", """{"name":"getSecretValue"}""", false),
        new("prefix only on strings", """{"detail":{"code":[{"prefix":"4"}]}}""", """{"code":404}""", false),
        new("prefix ignoring case", """{"detail":{"service":[{"prefix":{"equals-ignore-case":"EVENTB"}}]}}""", """{"service":"EventBridge"}""", true),
        new("prefix ignoring case does not match", """{"detail":{"service":[{"prefix":{"equals-ignore-case":"lambda"}}]}}""", """{"service":"EventBridge"}""", false),
        new("suffix", """{"detail":{"file":[{"suffix":".png"}]}}""", """{"file":"image.png"}""", true),
        new("suffix does not match", """{"detail":{"file":[{"suffix":".png"}]}}""", """{"file":"image.PNG"}""", false),
        new("suffix ignoring case", """{"detail":{"file":[{"suffix":{"equals-ignore-case":".png"}}]}}""", """{"file":"image.PNG"}""", true),
        new("suffix secret partial ARN", """{"detail":{"secretId":[{"suffix":":prod/db"}]}}""", """{"secretId":"arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/db"}""", true),

        // equals-ignore-case
        new("equals ignoring case", """{"detail":{"name":[{"equals-ignore-case":"alice"}]}}""", """{"name":"ALICE"}""", true),
        new("equals ignoring case is still whole", """{"detail":{"name":[{"equals-ignore-case":"alice"}]}}""", """{"name":"alicex"}""", false),
        new("equals ignoring case only on strings", """{"detail":{"name":[{"equals-ignore-case":"true"}]}}""", """{"name":true}""", false),

        // wildcard
        new("wildcard inside", """{"detail":{"path":[{"wildcard":"*/lib/*"}]}}""", """{"path":"/usr/lib/x.so"}""", true),
        new("wildcard needs the whole string", """{"detail":{"path":[{"wildcard":"lib/*"}]}}""", """{"path":"/usr/lib/x.so"}""", false),
        new("wildcard star matches nothing too", """{"detail":{"name":[{"wildcard":"a*b"}]}}""", """{"name":"ab"}""", true),
        new("wildcard several stars", """{"detail":{"name":[{"wildcard":"*:prod/db-*"}]}}""", """{"name":"arn:aws:secretsmanager:us-east-1:1:secret:prod/db-AbCdEf"}""", true),
        new("wildcard several stars in order", """{"detail":{"name":[{"wildcard":"a*b*c"}]}}""", """{"name":"acb"}""", false),
        new("wildcard repeated part", """{"detail":{"name":[{"wildcard":"*ab*ab"}]}}""", """{"name":"xabab"}""", true),
        new("wildcard overlapping ends", """{"detail":{"name":[{"wildcard":"ab*ba"}]}}""", """{"name":"aba"}""", false),
        new("wildcard escaped star", """{"detail":{"name":[{"wildcard":"a\\*b"}]}}""", """{"name":"a*b"}""", true),
        new("wildcard escaped star is literal", """{"detail":{"name":[{"wildcard":"a\\*b"}]}}""", """{"name":"axb"}""", false),
        new("wildcard escaped backslash", """{"detail":{"name":[{"wildcard":"a\\\\*"}]}}""", """{"name":"a\\bc"}""", true),
        new("wildcard is case-sensitive", """{"detail":{"name":[{"wildcard":"Get*"}]}}""", """{"name":"getx"}""", false),
        new("wildcard only on strings", """{"detail":{"n":[{"wildcard":"1*"}]}}""", """{"n":123}""", false),

        // anything-but
        new("anything-but a value", """{"detail":{"state":[{"anything-but":"initializing"}]}}""", """{"state":"running"}""", true),
        new("anything-but the value itself", """{"detail":{"state":[{"anything-but":"initializing"}]}}""", """{"state":"initializing"}""", false),
        new("anything-but a list", """{"detail":{"state":[{"anything-but":["stopped","overloaded"]}]}}""", """{"state":"stopped"}""", false),
        new("anything-but a list, other value", """{"detail":{"state":[{"anything-but":["stopped","overloaded"]}]}}""", """{"state":"running"}""", true),
        new("anything-but a number", """{"detail":{"x":[{"anything-but":123}]}}""", """{"x":123.0}""", false),
        new("anything-but numbers", """{"detail":{"x":[{"anything-but":[100,200]}]}}""", """{"x":150}""", true),
        new("anything-but needs the field", """{"detail":{"state":[{"anything-but":"x"}]}}""", """{"other":1}""", false),
        new("anything-but on an array: one element not excluded", """{"detail":{"ids":[{"anything-but":["a"]}]}}""", """{"ids":["a","b"]}""", true),
        new("anything-but on an array: all excluded", """{"detail":{"ids":[{"anything-but":["a","b"]}]}}""", """{"ids":["a","b"]}""", false),
        new("anything-but matches null", """{"detail":{"x":[{"anything-but":"a"}]}}""", """{"x":null}""", true),
        new("anything-but is case-sensitive", """{"detail":{"x":[{"anything-but":"abc"}]}}""", """{"x":"ABC"}""", true),
        new("anything-but prefix", """{"detail":{"region":[{"anything-but":{"prefix":"us-"}}]}}""", """{"region":"us-east-1"}""", false),
        new("anything-but prefix, other", """{"detail":{"region":[{"anything-but":{"prefix":"us-"}}]}}""", """{"region":"eu-west-1"}""", true),
        new("anything-but suffix", """{"detail":{"file":[{"anything-but":{"suffix":".png"}}]}}""", """{"file":"a.png"}""", false),
        new("anything-but suffix, other", """{"detail":{"file":[{"anything-but":{"suffix":".png"}}]}}""", """{"file":"a.jpg"}""", true),
        new("anything-but ignoring case", """{"detail":{"state":[{"anything-but":{"equals-ignore-case":"initializing"}}]}}""", """{"state":"INITIALIZING"}""", false),
        new("anything-but ignoring case, list", """{"detail":{"state":[{"anything-but":{"equals-ignore-case":["a","b"]}}]}}""", """{"state":"C"}""", true),
        new("anything-but wildcard", """{"detail":{"path":[{"anything-but":{"wildcard":"*/lib/*"}}]}}""", """{"path":"/usr/lib/x"}""", false),
        new("anything-but wildcard, other", """{"detail":{"path":[{"anything-but":{"wildcard":"*/lib/*"}}]}}""", """{"path":"/usr/bin/x"}""", true),

        // numeric
        new("numeric range inside", """{"detail":{"c":[{"numeric":[">",0,"<=",5]}]}}""", """{"c":5}""", true),
        new("numeric range lower bound open", """{"detail":{"c":[{"numeric":[">",0,"<=",5]}]}}""", """{"c":0}""", false),
        new("numeric range above", """{"detail":{"c":[{"numeric":[">",0,"<=",5]}]}}""", """{"c":5.5}""", false),
        new("numeric less than", """{"detail":{"d":[{"numeric":["<",10]}]}}""", """{"d":-3}""", true),
        new("numeric at least", """{"detail":{"d":[{"numeric":[">=",10]}]}}""", """{"d":10}""", true),
        new("numeric equals", """{"detail":{"x":[{"numeric":["=",301.8]}]}}""", """{"x":3.018e2}""", true),
        new("numeric only on numbers", """{"detail":{"x":[{"numeric":[">",0]}]}}""", """{"x":"7"}""", false),
        new("numeric on an array", """{"detail":{"x":[{"numeric":[">",100]}]}}""", """{"x":[1,200]}""", true),

        // cidr
        new("cidr IPv4 inside", """{"detail":{"sourceIPAddress":[{"cidr":"10.0.0.0/24"}]}}""", """{"sourceIPAddress":"10.0.0.255"}""", true),
        new("cidr IPv4 outside", """{"detail":{"sourceIPAddress":[{"cidr":"10.0.0.0/24"}]}}""", """{"sourceIPAddress":"10.0.1.0"}""", false),
        new("cidr odd prefix length", """{"detail":{"ip":[{"cidr":"192.168.0.0/23"}]}}""", """{"ip":"192.168.1.7"}""", true),
        new("cidr IPv6", """{"detail":{"ip":[{"cidr":"2001:db8::/32"}]}}""", """{"ip":"2001:db8:1::5"}""", true),
        new("cidr IPv6 outside", """{"detail":{"ip":[{"cidr":"2001:db8::/32"}]}}""", """{"ip":"2001:db9::5"}""", false),
        new("cidr not an address", """{"detail":{"ip":[{"cidr":"10.0.0.0/8"}]}}""", """{"ip":"AWS Internal"}""", false),
        new("cidr service name", """{"detail":{"ip":[{"cidr":"10.0.0.0/8"}]}}""", """{"ip":"ec2.amazonaws.com"}""", false),
        new("cidr families differ", """{"detail":{"ip":[{"cidr":"10.0.0.0/8"}]}}""", """{"ip":"::ffff:10.0.0.1"}""", false),

        // exists
        new("exists true", """{"detail":{"c":[{"exists":true}]}}""", """{"c":5}""", true),
        new("exists true, missing", """{"detail":{"c":[{"exists":true}]}}""", """{"d":5}""", false),
        new("exists true on null", """{"detail":{"c":[{"exists":true}]}}""", """{"c":null}""", true),
        new("exists false", """{"detail":{"c":[{"exists":false}]}}""", """{"d":5}""", true),
        new("exists false, present", """{"detail":{"c":[{"exists":false}]}}""", """{"c":5}""", false),
        new("exists false on an object (not a leaf)", """{"detail":{"c":[{"exists":false}]}}""", """{"c":{"c1":100}}""", true),
        new("exists true on an object (not a leaf)", """{"detail":{"c":[{"exists":true}]}}""", """{"c":{"c1":100}}""", false),
        new("exists false when the parent is missing", """{"detail":{"a":{"b":[{"exists":false}]}}}""", """{"x":1}""", true),
        new("exists false when the parent is a string", """{"detail":{"a":{"b":[{"exists":false}]}}}""", """{"a":"text"}""", true),
        new("exists true on an empty array", """{"detail":{"c":[{"exists":true}]}}""", """{"c":[]}""", false, "moto counts an empty array as present"),
        new("exists true on an empty object", """{"detail":{"c":[{"exists":true}]}}""", """{"c":{}}""", false, "moto counts an empty object as a present leaf"),
        new("exists or a value", """{"detail":{"c":[{"exists":false},"x"]}}""", """{"c":"x"}""", true),
        new("exists or a value, neither", """{"detail":{"c":[{"exists":false},"x"]}}""", """{"c":"y"}""", false),

        // $or and nesting
        new("$or first branch", """{"detail":{"$or":[{"a":["1"]},{"b":["2"]}]}}""", """{"a":"1"}""", true),
        new("$or second branch", """{"detail":{"$or":[{"a":["1"]},{"b":["2"]}]}}""", """{"b":"2"}""", true),
        new("$or no branch", """{"detail":{"$or":[{"a":["1"]},{"b":["2"]}]}}""", """{"a":"2","b":"1"}""", false),
        new("$or at the top", """{"$or":[{"source":["aws.s3"]},{"detail":{"a":["1"]}}]}""", """{"a":"1"}""", true),
        new("$or and a field", """{"source":["aws.crafted"],"$or":[{"detail":{"a":["1"]}},{"detail":{"b":["2"]}}]}""", """{"b":"2"}""", true),
        new("$or nested in $or", """{"detail":{"$or":[{"a":["1"]},{"b":["2"],"$or":[{"c":["3"]},{"d":["4"]}]}]}}""", """{"b":"2","d":"4"}""", true),
        new("$or nested in $or, inner fails", """{"detail":{"$or":[{"a":["1"]},{"b":["2"],"$or":[{"c":["3"]},{"d":["4"]}]}]}}""", """{"b":"2","d":"5"}""", false),
        new("$or exists false or anything-but", """{"detail":{"issuer":{"$or":[{"arn":[{"exists":false}]},{"arn":[{"anything-but":["arn:me"]}]}]}}}""", """{"issuer":{"arn":"arn:me"}}""", false),
        new("$or exists false or anything-but, absent", """{"detail":{"issuer":{"$or":[{"arn":[{"exists":false}]},{"arn":[{"anything-but":["arn:me"]}]}]}}}""", """{"other":1}""", true),
        new("deep nesting", """{"detail":{"userIdentity":{"sessionContext":{"sessionIssuer":{"type":["Role"]}}}}}""", """{"userIdentity":{"sessionContext":{"sessionIssuer":{"type":"Role"}}}}""", true),
        new("a nested pattern on a string", """{"detail":{"a":{"b":["x"]}}}""", """{"a":"x"}""", false),
        new("an empty nested pattern", """{"detail":{}}""", """{"a":1}""", true),
    ];
}
