using FleetServerless.Core.Telemetry;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Merges board data from several sources by board id: the first source that gives a field wins, and a board seen
/// twice is one board (appending instead would show six boards on a three-board miner).
/// </summary>
internal sealed class BoardMerger
{
    private readonly SortedDictionary<int, BoardSample> _boards = [];

    public void Add(BoardSample board)
    {
        if (!_boards.TryGetValue(board.Id, out var known))
        {
            _boards[board.Id] = board;
            return;
        }

        _boards[board.Id] = known with
        {
            State = known.State ?? board.State,
            Description = known.Description ?? board.Description,
            HashrateRealtimeHps = known.HashrateRealtimeHps ?? board.HashrateRealtimeHps,
            HashrateNominalHps = known.HashrateNominalHps ?? board.HashrateNominalHps,
            ChipTempMaxC = known.ChipTempMaxC ?? board.ChipTempMaxC,
            ChipTempMinC = known.ChipTempMinC ?? board.ChipTempMinC,
            BoardTempMaxC = known.BoardTempMaxC ?? board.BoardTempMaxC,
            BoardTempMinC = known.BoardTempMinC ?? board.BoardTempMinC,
            InletWaterTempC = known.InletWaterTempC ?? board.InletWaterTempC,
            OutletWaterTempC = known.OutletWaterTempC ?? board.OutletWaterTempC,
            ChipCount = known.ChipCount ?? board.ChipCount,
            ChipsGrey = known.ChipsGrey ?? board.ChipsGrey,
            ChipsOrange = known.ChipsOrange ?? board.ChipsOrange,
            ChipsRed = known.ChipsRed ?? board.ChipsRed,
            FrequencyHz = known.FrequencyHz ?? board.FrequencyHz,
            VoltageVolts = known.VoltageVolts ?? board.VoltageVolts,
            PowerWatts = known.PowerWatts ?? board.PowerWatts,
            HardwareErrors = known.HardwareErrors ?? board.HardwareErrors,
        };
    }

    /// <summary>Returns the merged boards ordered by id, or null when no source sent a board list at all.</summary>
    public IReadOnlyList<BoardSample>? ToList(bool anySource) => _boards.Count > 0 || anySource ? _boards.Values.ToArray() : null;
}
