namespace TenantAnalyzers.Benchmarks.Measurement;

public static class Statistics
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile: a value that was really measured, never an interpolation between two.</summary>
    public static double Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Least-squares line through (x, y): its slope and how well it fits (R²).</summary>
    public static (double Slope, double Intercept, double RSquared) LinearFit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        var sxy = x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum();
        var sxx = x.Sum(a => (a - meanX) * (a - meanX));
        var syy = y.Sum(b => (b - meanY) * (b - meanY));
        if (sxx == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var slope = sxy / sxx;
        return (slope, meanY - slope * meanX, syy == 0 ? 1 : sxy * sxy / (sxx * syy));
    }
}
