namespace CodeCrafts.Data;

public enum DatabaseProvider
{
    Postgres,
    Sqlite,
}
