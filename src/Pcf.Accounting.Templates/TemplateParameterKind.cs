namespace Pcf.Accounting.Templates;

/// <summary>What a template parameter holds.</summary>
public enum TemplateParameterKind
{
    /// <summary>A number with a unit of the parameter's dimension (converted to the parameter's unit), such as 0.75 t/t.</summary>
    Number = 0,

    /// <summary>One of a fixed list of choices, such as a cement type or a grid region.</summary>
    Choice = 1,

    /// <summary>Yes or no.</summary>
    Flag = 2,

    /// <summary>Free text, such as a supplier's name.</summary>
    Text = 3,

    /// <summary>A list of items, each a set of fields (such as the fuels a kiln burns: type, amount, calorific value).</summary>
    List = 4,
}
