using System.Buffers;
using System.Text.Json;
using CodeCrafts.Data.Entities;
using Microsoft.Extensions.Caching.Hybrid;

namespace CodeCrafts.Api.Features.Lessons;

/// <summary>
/// The catalogue's form in Redis: the lesson and question rows it was built from. The object graph itself points both
/// ways (lesson ↔ question), which JSON cannot hold, so a replica rebuilds the graph from the rows.
/// </summary>
internal sealed class CatalogSerializer : IHybridCacheSerializer<Catalog>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public Catalog Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return Catalog.Build(JsonSerializer.Deserialize<List<Lesson>>(ref reader, Json) ?? []);
    }

    public void Serialize(Catalog value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value.Source, Json);
    }
}
