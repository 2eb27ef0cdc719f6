using System.ComponentModel;
using System.Globalization;

namespace Pcf.Accounting.Gases;

/// <summary>Converts a built-in <see cref="GwpSet"/> from and to its id (<c>AR4</c>, <c>AR5</c>, <c>AR5-ccf</c>, <c>AR6</c>),
/// so that configuration binding reads <c>"DefaultGwpSet": "AR5"</c>.</summary>
internal sealed class GwpSetTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string id
            ? GwpSet.TryFind(id.Trim(), out var set)
                ? set
                : throw new FormatException($"'{id}' is not a known GWP set; use AR4, AR5, AR5-ccf or AR6.")
            : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is GwpSet set
            ? set.Id
            : base.ConvertTo(context, culture, value, destinationType);
}
