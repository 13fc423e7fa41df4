using System.Text;

namespace FleetServerless.Relay.Miners;

/// <summary>
/// Repairs the malformed JSON CGMiner-style TCP APIs send: the trailing NUL, a missing comma between objects
/// (<c>}{</c>), bare <c>inf</c> and <c>nan</c> (made strings, so only that field is lost), and output cut short
/// (cut back to the last complete value and closed). Padded numeric strings need no repair: readers accept them.
/// </summary>
public static class CgminerJsonRepair
{
    /// <summary>Returns the repaired JSON text and the repairs made. The text is empty when the reply had no JSON.</summary>
    public static (string Json, IReadOnlyList<string> Repairs) Repair(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var repairs = new List<string>();
        var text = reply.TrimEnd('\0', ' ', '\r', '\n', '\t').TrimStart();
        if (text.Length == 0)
        {
            return ("", repairs);
        }

        var output = new StringBuilder(text.Length + 16);
        var stack = new Stack<char>();
        var inString = false;
        var escaped = false;

        // The last place where the text could be cut and closed: its length, and the closers it would need.
        var safeLength = 0;
        var safeClosers = "";

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                output.Append(c);
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    output.Append(c);
                    break;
                case '{' or '[':
                    if (c == '{' && output.Length > 0 && LastNonSpace(output) == '}')
                    {
                        output.Append(',');
                        AddOnce(repairs, "inserted missing commas between objects");
                    }

                    stack.Push(c == '{' ? '}' : ']');
                    output.Append(c);
                    break;
                case '}' or ']':
                    if (stack.Count > 0)
                    {
                        stack.Pop();
                    }

                    output.Append(c);
                    safeLength = output.Length;
                    safeClosers = new string(stack.ToArray());
                    break;
                case ',':
                    safeLength = output.Length;
                    safeClosers = new string(stack.ToArray());
                    output.Append(c);
                    break;
                default:
                    if (TryReadBareWord(text, i, out var word))
                    {
                        output.Append('"').Append(word).Append('"');
                        AddOnce(repairs, $"quoted bare {word.ToLowerInvariant()}");
                        i += word.Length - 1;
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        if (stack.Count == 0 && !inString)
        {
            return (output.ToString(), repairs);
        }

        // Cut short: keep everything up to the last complete value and close what is open there.
        repairs.Add($"reply cut short after {reply.Length} characters; later fields were lost");
        var cut = output.ToString(0, safeLength).TrimEnd();
        if (cut.EndsWith(','))
        {
            cut = cut[..^1];
        }

        return (cut + safeClosers, repairs);
    }

    private static bool TryReadBareWord(string text, int index, out string word)
    {
        foreach (var candidate in new[] { "-inf", "inf", "nan", "-nan" })
        {
            if (string.Compare(text, index, candidate, 0, candidate.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (index + candidate.Length == text.Length || !char.IsLetterOrDigit(text[index + candidate.Length])))
            {
                word = text.Substring(index, candidate.Length);
                return true;
            }
        }

        word = "";
        return false;
    }

    private static char LastNonSpace(StringBuilder builder)
    {
        for (var i = builder.Length - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(builder[i]))
            {
                return builder[i];
            }
        }

        return '\0';
    }

    private static void AddOnce(List<string> repairs, string repair)
    {
        if (!repairs.Contains(repair))
        {
            repairs.Add(repair);
        }
    }
}
