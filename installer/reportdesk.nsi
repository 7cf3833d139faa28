; NSIS script: the offline Windows installer for ReportDesk (报告对照台).
; Built on Linux or Windows by installer/build-windows.sh (makensis 3.x):
;   makensis -DVERSION=0.1.0 -DSRCDIR=<dist/ReportDesk> -DOUTFILE=<setup.exe> installer/reportdesk.nsi
; Everything the program needs is inside: it never uses the network.
;
; Per user by default (no administrator rights: common on government PCs), into
; %LOCALAPPDATA%\Programs\ReportDesk.  An administrator deploying for everyone runs it
; elevated with /AllUsers (Program Files, all users' Start menu).  /S installs silently.
; Uninstalling removes the program and its cache; drafts, logs and settings stay.

Unicode true
; 64-bit stubs: Qt 6 is 64-bit only, and Linux build machines lack 32-bit Wine.
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!ifndef VERSION
  !error "pass -DVERSION=x.y.z (build-windows.sh reads it from pyproject.toml)"
!endif
!ifndef SRCDIR
  !error "pass -DSRCDIR=<the PyInstaller one-folder build>"
!endif
!ifndef OUTFILE
  !define OUTFILE "ReportDesk-${VERSION}-setup.exe"
!endif

!define APP "ReportDesk"
!define APP_ZH "报告对照台"
!define EXE "ReportDesk.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ReportDesk"
!define PROGID "ReportDesk.Document"
; Qt 6.8 supports Windows 10 1809 (build 17763) and later.
!define MIN_BUILD 17763

!include MUI2.nsh
!include LogicLib.nsh
!include WinVer.nsh
!include x64.nsh
!include FileFunc.nsh

Name "${APP_ZH} ${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
BrandingText "${APP_ZH} ${VERSION}"

; Version info of setup.exe (Explorer ▸ Properties ▸ Details).
VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_ZH} ${APP}"
VIAddVersionKey /LANG=0 "CompanyName" "${APP}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_ZH} 安装程序"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${APP}"

!define MUI_ICON "..\resources\icons\reportdesk.ico"
!define MUI_UNICON "..\resources\icons\reportdesk.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_PARAMETERS "--demo"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunDemo)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString RunDemo ${LANG_SIMPCHINESE} "打开示例对照（2024 与 2025 年政府工作报告）"
LangString RunDemo ${LANG_ENGLISH} "Open the sample comparison (2024 and 2025 reports)"
LangString SecMain ${LANG_SIMPCHINESE} "${APP_ZH}（必需）"
LangString SecMain ${LANG_ENGLISH} "${APP_ZH} (required)"
LangString SecDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecOpenWith ${LANG_SIMPCHINESE} "在 .docx/.txt 的“打开方式”中列出${APP_ZH}"
LangString SecOpenWith ${LANG_ENGLISH} "List ${APP_ZH} under Open with for .docx/.txt"
LangString Sample ${LANG_SIMPCHINESE} "${APP_ZH}（示例）"
LangString Sample ${LANG_ENGLISH} "${APP_ZH} (sample)"
LangString Uninstall ${LANG_SIMPCHINESE} "卸载${APP_ZH}"
LangString Uninstall ${LANG_ENGLISH} "Uninstall ${APP_ZH}"
LangString DocName ${LANG_SIMPCHINESE} "报告（${APP_ZH}）"
LangString DocName ${LANG_ENGLISH} "Report (${APP_ZH})"
LangString Need64 ${LANG_SIMPCHINESE} "${APP_ZH}需要 64 位 Windows。"
LangString Need64 ${LANG_ENGLISH} "${APP_ZH} needs 64-bit Windows."
LangString NeedWin10 ${LANG_SIMPCHINESE} "${APP_ZH}需要 Windows 10 版本 1809（内部版本 ${MIN_BUILD}）或更高版本，此电脑的内部版本是 $0。请先更新 Windows。"
LangString NeedWin10 ${LANG_ENGLISH} "${APP_ZH} needs Windows 10 version 1809 (build ${MIN_BUILD}) or later; this PC has build $0. Please update Windows first."
LangString NeedAdmin ${LANG_SIMPCHINESE} "为所有用户安装（/AllUsers）需要以管理员身份运行安装程序。"
LangString NeedAdmin ${LANG_ENGLISH} "Installing for all users (/AllUsers) needs the installer to run as administrator."
LangString KeptData ${LANG_SIMPCHINESE} "已保留您的草稿、日志和设置：$LOCALAPPDATA\${APP}\${APP}"
LangString KeptData ${LANG_ENGLISH} "Your drafts, logs and settings are kept: $LOCALAPPDATA\${APP}\${APP}"

Var AllUsers

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Need64)" /SD IDOK
    Abort
  ${EndIf}
  ${WinVerGetBuild} $0
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedWin10)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/AllUsers" $R1
  ${IfNot} ${Errors}
    UserInfo::GetAccountType
    Pop $R2
    ${If} $R2 != "Admin"
      MessageBox MB_OK|MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
      Abort
    ${EndIf}
    StrCpy $AllUsers 1
    SetShellVarContext all
    StrCpy $INSTDIR "$PROGRAMFILES64\${APP}"
  ${EndIf}
FunctionEnd

Section "$(SecMain)" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An older version's libraries must not linger beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SRCDIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_ZH}"
  CreateShortcut "$SMPROGRAMS\${APP_ZH}\${APP_ZH}.lnk" "$INSTDIR\${EXE}"
  CreateShortcut "$SMPROGRAMS\${APP_ZH}\$(Sample).lnk" "$INSTDIR\${EXE}" "--demo"
  CreateShortcut "$SMPROGRAMS\${APP_ZH}\$(Uninstall).lnk" "$INSTDIR\uninstall.exe"

  ; Apps & features: name, version, publisher, size, and a silent uninstall for IT.
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP_ZH} ${APP}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${APP}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SecDesktop)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_ZH}.lnk" "$INSTDIR\${EXE}"
SectionEnd

; Listed under Open with only: Word stays the default program for .docx.
Section "$(SecOpenWith)" SecOpenWith
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "$(DocName)"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr SHCTX "Software\Classes\.docx\OpenWithProgids" "${PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\.txt\OpenWithProgids" "${PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\Applications\${EXE}" "FriendlyAppName" "${APP_ZH}"
  WriteRegStr SHCTX "Software\Classes\Applications\${EXE}\SupportedTypes" ".docx" ""
  WriteRegStr SHCTX "Software\Classes\Applications\${EXE}\SupportedTypes" ".txt" ""
  WriteRegStr SHCTX "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Function un.onInit
  SetRegView 64
  ; Installed for all users if the machine-wide uninstall entry points at this folder.
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 == $INSTDIR
    SetShellVarContext all
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_ZH}\*.lnk"
  RMDir "$SMPROGRAMS\${APP_ZH}"
  Delete "$DESKTOP\${APP_ZH}.lnk"

  DeleteRegKey SHCTX "${UNINST_KEY}"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  DeleteRegValue SHCTX "Software\Classes\.docx\OpenWithProgids" "${PROGID}"
  DeleteRegValue SHCTX "Software\Classes\.txt\OpenWithProgids" "${PROGID}"
  DeleteRegKey SHCTX "Software\Classes\Applications\${EXE}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Only what the installer put there: a folder the user chose may hold other files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\reportdesk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; The jieba dictionary cache is ours to remove; drafts, logs (…\ReportDesk\ReportDesk)
  ; and settings (HKCU\Software\ReportDesk) are the user's work and stay.
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\${APP}\cache"
  DetailPrint "$(KeptData)"
SectionEnd
