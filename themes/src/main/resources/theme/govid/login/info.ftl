<#import "template.ftl" as layout>
<#-- Copied from Keycloak 26.7.0 base/login/info.ftl (docs/keycloak-internals.md): without a messageHeader Keycloak
     repeats the summary, which is already the heading, as the only paragraph ("You are logged out." twice); the way
     on is a GovID button with GovID's "Back to the application" instead of a bare "« Back to Application" link.
     Same variables. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <#if messageHeader??>
            ${kcSanitize(msg("${messageHeader}"))?no_esc}
        <#else>
            ${message.summary}
        </#if>
    <#elseif section = "form">
    <div id="kc-info-message">
        <#if messageHeader?? || requiredActions??>
            <p class="instruction">${message.summary}<#if requiredActions??><#list requiredActions>: <b><#items as reqActionItem>${kcSanitize(msg("requiredAction.${reqActionItem}"))?no_esc}<#sep>, </#items></b></#list></#if></p>
        </#if>
        <#if !skipLink??>
            <#if pageRedirectUri?has_content>
                <div class="govid-actions"><a class="govid-button govid-button--primary" id="backToApplication" href="${pageRedirectUri}">${msg("govidBackToApplication")}</a></div>
            <#elseif actionUri?has_content>
                <div class="govid-actions"><a class="govid-button govid-button--primary" id="proceedWithAction" href="${actionUri}">${msg("proceedWithAction")}</a></div>
            <#elseif (client.baseUrl)?has_content>
                <div class="govid-actions"><a class="govid-button govid-button--primary" id="backToApplication" href="${client.baseUrl}">${msg("govidBackToApplication")}</a></div>
            </#if>
        </#if>
    </div>
    </#if>
</@layout.registrationLayout>
