using FleetServerless.Cloud.Ingest;

namespace FleetServerless.Cloud.Tests.Ingest;

public sealed class SequenceRangesTests
{
    [Fact]
    public void Ranges_InOrder_HaveNoGaps()
    {
        var ranges = new SequenceRanges();
        foreach (var sequence in new long[] { 1, 2, 3, 4 })
        {
            Assert.True(ranges.Add(sequence));
        }

        Assert.Empty(ranges.Gaps);
        Assert.Equal(1, ranges.Min);
        Assert.Equal(4, ranges.Max);
    }

    [Fact]
    public void Ranges_Jump_RecordsGap()
    {
        var ranges = new SequenceRanges();
        ranges.Add(1);
        ranges.Add(6);

        Assert.Equal([(2L, 5L)], ranges.Gaps);
        Assert.Equal(4, ranges.MissingCount);
    }

    [Fact]
    public void Ranges_Duplicate_ReturnsFalse()
    {
        var ranges = new SequenceRanges();
        ranges.Add(3);

        Assert.False(ranges.Add(3));
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    [InlineData(new long[] { 8, 1, 5, 3, 2, 7, 4, 6 })]
    [InlineData(new long[] { 4, 4, 8, 2, 1, 7, 3, 5, 6, 1 })]
    public void Ranges_AnyOrder_EndTheSame(long[] order)
    {
        var ranges = new SequenceRanges();
        foreach (var sequence in order)
        {
            ranges.Add(sequence);
        }

        Assert.Empty(ranges.Gaps);
        Assert.Equal((1L, 8L), (ranges.Min, ranges.Max));
    }

    [Fact]
    public void Ranges_FillingMiddleOfGap_SplitsIt()
    {
        var ranges = new SequenceRanges();
        ranges.Add(10);
        ranges.Add(1);
        ranges.Add(5);

        Assert.Equal([(2L, 4L), (6L, 9L)], ranges.Gaps);
    }
}
