<#import "template.ftl" as layout>
<#-- Copied from Keycloak 26.7.0 base/login/error.ftl (docs/keycloak-internals.md): an error page always offers a way on.
     "Start again" restarts the login of this browser tab when Keycloak still knows it; "Back to <application>"
     when the client has a home URL; without either, the text says where to start again. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${kcSanitize(msg("errorTitle"))?no_esc}
    <#elseif section = "form">
        <div id="kc-error-message" class="govid-message govid-message--error" role="alert">
            <p class="instruction">${kcSanitize(message.summary)?no_esc}</p>
        </div>
        <#if traceId??>
            <p class="govid-hint" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
        </#if>
        <#if !skipLink??>
            <#assign canRestart = authenticationSession?? && (url.loginRestartFlowUrl)?has_content>
            <#assign home = (client.baseUrl)!"">
            <#if canRestart || home?has_content>
                <div class="govid-actions" id="govid-error-ways">
                    <#if canRestart>
                        <a class="govid-button govid-button--primary" id="govid-start-again" href="${url.loginRestartFlowUrl}">${msg("govidStartAgain")}</a>
                    </#if>
                    <#if home?has_content>
                        <a class="govid-button <#if canRestart>govid-button--secondary<#else>govid-button--primary</#if>" id="backToApplication" href="${home}">${msg("govidBackToApplication")}</a>
                    </#if>
                </div>
            <#else>
                <p class="govid-hint" id="govid-error-no-way">${msg("govidErrorStartAtApplication")}</p>
            </#if>
        </#if>
    </#if>
</@layout.registrationLayout>
