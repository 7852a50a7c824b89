using CloudTrailNotifier.Redaction;

namespace CloudTrailNotifier.Tests.Redaction;

/// <summary>Passwords in connection strings and in <c>key:value</c> text, while ARNs, IAM actions and plain URLs read as they are.</summary>
public sealed class TextRedactorConnectionStringTests
{
    private static readonly RedactionMarkers Markers = new(n => $"[redacted: {n}]", "[hidden]");

    private static string Redact(string text) => TextRedactor.Redact(text, Markers);

    [Theory]
    [InlineData("postgresql://app:Hunter2-url@db.internal:5432/prod", "postgresql://app:[redacted: 11]@db.internal:5432/prod")]
    [InlineData("postgres://app:Hunter2@db/prod", "postgres://app:[redacted: 7]@db/prod")]
    [InlineData("mysql://root:Hunter2@localhost:3306/db", "mysql://root:[redacted: 7]@localhost:3306/db")]
    [InlineData("mongodb+srv://admin:Hunter2-mongo@cluster0.example.net/test?retryWrites=true", "mongodb+srv://admin:[redacted: 13]@cluster0.example.net/test?retryWrites=true")]
    [InlineData("mongodb://u:Hunter2@h1:27017,h2:27017/db", "mongodb://u:[redacted: 7]@h1:27017,h2:27017/db")]
    [InlineData("redis://:Hunter2@cache:6379/0", "redis://:[redacted: 7]@cache:6379/0")]
    [InlineData("amqp://guest:Hunter2@mq:5672/vhost", "amqp://guest:[redacted: 7]@mq:5672/vhost")]
    [InlineData("ftp://bob:Hunter2@ftp.example.com/pub", "ftp://bob:[redacted: 7]@ftp.example.com/pub")]
    [InlineData("sqlserver://sa:Hunter2@db:1433", "sqlserver://sa:[redacted: 7]@db:1433")]
    [InlineData("jdbc:mysql://root:Hunter2@localhost:3306/db", "jdbc:mysql://root:[redacted: 7]@localhost:3306/db")]
    [InlineData("jdbc:postgresql://app:P@ss:w0rd@db:5432/x", "jdbc:postgresql://app:[redacted: 9]@db:5432/x")]
    [InlineData("clone https://x-access-token:ghs_Hunter2@github.com/o/r.git failed", "clone https://x-access-token:[redacted: 11]@github.com/o/r.git failed")]
    [InlineData("{\"url\":\"postgresql://app:Hunter2@db/p\"}", "{\"url\":\"postgresql://app:[redacted: 7]@db/p\"}")]
    public void The_password_in_a_url_is_hidden_and_user_and_host_read(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("bad value Server=db;Uid=sa;Pwd=Hunter2-odbc; and more", "bad value Server=db;Uid=sa;Pwd=[redacted: 12]; and more")]
    [InlineData("Driver={ODBC Driver 18};Server=db;UID=sa;PWD={Hunter;2};", "Driver={ODBC Driver 18};Server=db;UID=sa;PWD=[redacted: 10];")]
    [InlineData("Data Source=db;User ID=sa;PASSWORD=Hunter2-ado;Initial Catalog=x", "Data Source=db;User ID=sa;PASSWORD=[redacted: 11];Initial Catalog=x")]
    [InlineData("jdbc:sqlserver://db:1433;user=sa;password=Hunter2;encrypt=true", "jdbc:sqlserver://db:1433;user=sa;password=[redacted: 7];encrypt=true")]
    [InlineData("Host=db;Username=app;Password = Hunter2 ;Database=x", "Host=db;Username=app;Password = [redacted: 7] ;Database=x")]
    [InlineData("login?user=bob&pass=Hunter2&x=1", "login?user=bob&pass=[redacted: 7]&x=1")]
    [InlineData("DB_PWD=Hunter2", "DB_PWD=[redacted: 7]")]
    [InlineData("Data Source=db;User ID=sa;Password=two Hunter2 words;Initial Catalog=x", "Data Source=db;User ID=sa;Password=[redacted: 17];Initial Catalog=x")]
    [InlineData("Password=Hunter2 two ; Server=db", "Password=[redacted: 11] ; Server=db")]
    [InlineData("password=abc was rejected; try again", "password=[redacted: 3] was rejected; try again")]
    [InlineData("Server=db;Pwd=Hunter2 and user=bob;x", "Server=db;Pwd=[redacted: 7] and user=bob;x")]
    public void Odbc_and_ado_passwords_are_hidden_whatever_their_case(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("and password:Hunter2-colon", "and password:[redacted: 13]")]
    [InlineData("password:Hunter2", "password:[redacted: 7]")]
    [InlineData("(secret:Hunter2)", "(secret:[redacted: 7])")]
    [InlineData("{db_password:Hunter2,user:bob}", "{db_password:[redacted: 7],user:bob}")]
    [InlineData("line one\\npassword:Hunter2", "line one\\npassword:[redacted: 7]")]
    [InlineData("GET /login?password:Hunter2", "GET /login?password:[redacted: 7]")]
    public void A_secret_key_written_against_its_value_hides_it(string text, string expected) => Assert.Equal(expected, Redact(text));

    [Theory]
    [InlineData("arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:sample/secret-wPvfcr")]
    [InlineData("User: arn:aws:iam::111111111111:user/bob is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/db-AbCdEf")]
    [InlineData("{\"Effect\":\"Allow\",\"Action\":[\"secretsmanager:GetSecretValue\",\"secretsmanager:*\"],\"Resource\":\"*\"}")]
    [InlineData("arn:aws:ssm:us-east-1:111111111111:parameter/app/password:3")]
    [InlineData("s3://example-bucket/backups/password:2024.tar")]
    [InlineData("Secrets Manager can't find the specified secret.")]
    [InlineData("https://example.com:8443/path?x=a@b")]
    [InlineData("https://git@github.com/org/repo")]
    [InlineData("https://sqs.us-east-1.amazonaws.com/111111111111/queue")]
    [InlineData("postgresql://db.internal:5432/prod")]
    [InlineData("mailto:bob@example.com and https://example.com/u/bob@example.com")]
    [InlineData("Server=db;Database=app;Trusted_Connection=True;")]
    [InlineData("1 validation error detected: Value at 'password' failed to satisfy constraint")]
    public void Arns_iam_actions_and_urls_without_credentials_read_unchanged(string text) => Assert.Same(text, Redact(text));
}
