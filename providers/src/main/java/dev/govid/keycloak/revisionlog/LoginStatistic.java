package dev.govid.keycloak.revisionlog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** MOA-ID's "advanced logging" record: one per login attempt, about the application and the login, never the person. */
@Entity
@Table(name = "GOVID_LOGIN_STATISTIC")
public class LoginStatistic {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CREATED", nullable = false)
    private long created;

    @Column(name = "OA_ID", length = 255)
    private String oaId;

    @Column(name = "OA_URL_PREFIX", length = 255)
    private String oaUrlPrefix;

    @Column(name = "OA_FRIENDLY_NAME", length = 255)
    private String oaFriendlyName;

    @Column(name = "BUSINESS_SERVICE", nullable = false)
    private boolean businessService;

    @Column(name = "OA_TARGET", length = 255)
    private String oaTarget;

    @Column(name = "BKU_TYPE", length = 255)
    private String bkuType;

    @Column(name = "BKU_URL", length = 255)
    private String bkuUrl;

    @Column(name = "SSO_LOGIN", nullable = false)
    private boolean ssoLogin;

    @Column(name = "MANDATE_LOGIN", nullable = false)
    private boolean mandateLogin;

    @Column(name = "MANDATE_TYPE", length = 255)
    private String mandateType;

    @Column(name = "MANDATOR_TYPE", length = 8)
    private String mandatorType;

    @Column(name = "PV", nullable = false)
    private boolean pv;

    @Column(name = "PV_OID", length = 255)
    private String pvOid;

    @Column(name = "PROTOCOL_TYPE", length = 32)
    private String protocolType;

    @Column(name = "PROTOCOL_SUB_TYPE", length = 32)
    private String protocolSubType;

    @Column(name = "EXCEPTION_TYPE", length = 64)
    private String exceptionType;

    @Column(name = "EXCEPTION_CODE", length = 64)
    private String exceptionCode;

    @Column(name = "EXCEPTION_MESSAGE", length = 255)
    private String exceptionMessage;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public long getCreated() {
        return created;
    }

    public void setCreated(long created) {
        this.created = created;
    }

    public String getOaId() {
        return oaId;
    }

    public void setOaId(String oaId) {
        this.oaId = oaId;
    }

    public String getOaUrlPrefix() {
        return oaUrlPrefix;
    }

    public void setOaUrlPrefix(String oaUrlPrefix) {
        this.oaUrlPrefix = oaUrlPrefix;
    }

    public String getOaFriendlyName() {
        return oaFriendlyName;
    }

    public void setOaFriendlyName(String oaFriendlyName) {
        this.oaFriendlyName = oaFriendlyName;
    }

    public boolean isBusinessService() {
        return businessService;
    }

    public void setBusinessService(boolean businessService) {
        this.businessService = businessService;
    }

    public String getOaTarget() {
        return oaTarget;
    }

    public void setOaTarget(String oaTarget) {
        this.oaTarget = oaTarget;
    }

    public String getBkuType() {
        return bkuType;
    }

    public void setBkuType(String bkuType) {
        this.bkuType = bkuType;
    }

    public String getBkuUrl() {
        return bkuUrl;
    }

    public void setBkuUrl(String bkuUrl) {
        this.bkuUrl = bkuUrl;
    }

    public boolean isSsoLogin() {
        return ssoLogin;
    }

    public void setSsoLogin(boolean ssoLogin) {
        this.ssoLogin = ssoLogin;
    }

    public boolean isMandateLogin() {
        return mandateLogin;
    }

    public void setMandateLogin(boolean mandateLogin) {
        this.mandateLogin = mandateLogin;
    }

    public String getMandateType() {
        return mandateType;
    }

    public void setMandateType(String mandateType) {
        this.mandateType = mandateType;
    }

    public String getMandatorType() {
        return mandatorType;
    }

    public void setMandatorType(String mandatorType) {
        this.mandatorType = mandatorType;
    }

    public boolean isPv() {
        return pv;
    }

    public void setPv(boolean pv) {
        this.pv = pv;
    }

    public String getPvOid() {
        return pvOid;
    }

    public void setPvOid(String pvOid) {
        this.pvOid = pvOid;
    }

    public String getProtocolType() {
        return protocolType;
    }

    public void setProtocolType(String protocolType) {
        this.protocolType = protocolType;
    }

    public String getProtocolSubType() {
        return protocolSubType;
    }

    public void setProtocolSubType(String protocolSubType) {
        this.protocolSubType = protocolSubType;
    }

    public String getExceptionType() {
        return exceptionType;
    }

    public void setExceptionType(String exceptionType) {
        this.exceptionType = exceptionType;
    }

    public String getExceptionCode() {
        return exceptionCode;
    }

    public void setExceptionCode(String exceptionCode) {
        this.exceptionCode = exceptionCode;
    }

    public String getExceptionMessage() {
        return exceptionMessage;
    }

    public void setExceptionMessage(String exceptionMessage) {
        this.exceptionMessage = exceptionMessage;
    }
}
