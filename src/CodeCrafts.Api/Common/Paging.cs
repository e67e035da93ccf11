using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace CodeCrafts.Api.Common;

/// <summary>Query-string paging: <c>?page=1&amp;pageSize=20</c>.</summary>
public sealed record PageRequest
{
    public const int MaxPageSize = 100;

    [Range(1, 1_000_000)]
    [Description("1-based page number.")]
    public int Page { get; init; } = 1;

    [Range(1, MaxPageSize)]
    [Description("Items per page, at most 100.")]
    public int PageSize { get; init; } = 20;

    public int Skip => (Page - 1) * PageSize;
}

/// <summary>One page of a list, with the total so a client can draw its pager.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
