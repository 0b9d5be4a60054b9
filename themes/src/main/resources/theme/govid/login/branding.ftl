<#-- Per-client branding from client attributes (docs/theme.md). Saving a value of the wrong shape is refused
     (validation.GovIdSettings, with settings.HttpUrl for URLs); here, as a second line for values stored anyway,
     only values of a known safe shape are used: a colour that is not #rrggbb or a logo URL that is not https or
     server-relative (or has user info or dot segments) is ignored. -->
<#function attr name>
    <#if client?? && client.attributes?? && client.attributes[name]?? && client.attributes[name]?trim?has_content>
        <#return client.attributes[name]?trim>
    </#if>
    <#return "">
</#function>

<#function colour name>
    <#local v = attr(name)>
    <#if v?matches("#[0-9A-Fa-f]{6}")><#return v></#if>
    <#return "">
</#function>

<#function logoUrl>
    <#local v = attr("govid.theme.logo")>
    <#if v?length lt 2048 && v?matches("(https://|/)[A-Za-z0-9._~:/?#!$&()*+,;=%\\[\\]-]*") && !v?starts_with("//")
            && !v?lower_case?contains("..") && !v?lower_case?contains("%2e")><#return v></#if>
    <#return "">
</#function>

<#function title>
    <#local v = attr("govid.theme.title")>
    <#if v?has_content><#return v></#if>
    <#return (realm.displayName)!"">
</#function>

<#-- The application's name as people know it: the SAML1 friendly name, the client's name, else its id. -->
<#function appName>
    <#if !(client??)><#return ""></#if>
    <#local friendly = attr("moa.friendlyName")>
    <#if friendly?has_content><#return friendly></#if>
    <#if client.name?has_content><#return advancedMsg(client.name)></#if>
    <#return client.clientId>
</#function>

<#-- A text of our pages: the client's own wording for the current language, then for all languages, then the
     theme's message. Client texts are plain text (escaped on output); "{0}" takes the one argument. -->
<#function text key arg="">
    <#local lang = (locale.currentLanguageTag)!"">
    <#local own = attr("govid.theme.text." + key + "." + lang)>
    <#if !own?has_content><#local own = attr("govid.theme.text." + key)></#if>
    <#if own?has_content><#return own?replace("{0}", arg)></#if>
    <#if arg?has_content><#return msg(key, arg)></#if>
    <#return msg(key)>
</#function>
