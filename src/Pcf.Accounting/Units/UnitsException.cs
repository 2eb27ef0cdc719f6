namespace Pcf.Accounting.Units;

/// <summary>The base of the exceptions thrown for unit errors: an unknown symbol, or a conversion across dimensions.</summary>
/// <remarks>
/// These are programming errors (a C# caller asked for kg in kWh). Input files with bad units are
/// reported as validation problems instead (<c>PCF0102</c> unknown unit, <c>PCF0103</c> wrong dimension).
/// </remarks>
public class UnitsException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public UnitsException()
        : base("A units error occurred.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public UnitsException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public UnitsException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
