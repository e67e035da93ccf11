namespace CodeCrafts.Data.Entities;

/// <summary>
/// An entity whose concurrent updates must not overwrite each other. PostgreSQL maps
/// <see cref="Version"/> onto the system column xmin; SQLite bumps it on every save.
/// </summary>
public interface IVersioned
{
    uint Version { get; set; }
}
